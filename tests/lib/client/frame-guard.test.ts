import { describe, expect, it } from 'vitest';
import { isFramedByAnotherOrigin } from '../../../src/lib/client/frame-guard';

const APP = { origin: 'https://workbench.example' };

/** A window stand-in: its own location, and a top window whose location may throw. */
function windowIn(top: 'self' | 'same' | 'other'): Window {
	const self: { location: unknown; top: unknown; self: unknown } = {
		location: APP,
		top: null,
		self: null
	};
	self.self = self;
	if (top === 'self') self.top = self;
	else if (top === 'same') self.top = { location: APP };
	else {
		self.top = {
			get location(): Location {
				throw new DOMException(
					'Blocked a frame from accessing a cross-origin frame.',
					'SecurityError'
				);
			}
		};
	}
	return self as unknown as Window;
}

describe('isFramedByAnotherOrigin', () => {
	it('is false in a tab of its own', () => {
		expect(isFramedByAnotherOrigin(windowIn('self'))).toBe(false);
	});

	it('is false in a frame of the same origin', () => {
		expect(isFramedByAnotherOrigin(windowIn('same'))).toBe(false);
	});

	it('is true in a frame of another origin, whose location cannot be read', () => {
		expect(isFramedByAnotherOrigin(windowIn('other'))).toBe(true);
	});
});
