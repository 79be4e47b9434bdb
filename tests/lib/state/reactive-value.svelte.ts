/**
 * A value tests can change and a state class's `$derived` follows (as a page's URL would).
 * @example const id = new ReactiveValue('a'); new ScenarioEditor(wb, sim, () => id.value); id.value = 'b';
 */
export class ReactiveValue<T> {
	value = $state() as T;
	constructor(value: T) {
		this.value = value;
	}
}
