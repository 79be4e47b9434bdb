// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		interface PageState {
			/** The new dataset wizard's step (0 …), kept in history so that Back goes to the one before. */
			wizardStep?: number;
		}
		// interface Platform {}
	}
}

export {};
