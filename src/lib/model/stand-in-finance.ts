/**
 * The stand-in finance of a dataset made from witan.send inputs or from SEN2 files without a
 * council's figures (which carry no finance), and how to recognise it. A fact about a dataset,
 * so it is model (decision 0023): pages, the SEN2 defaults and io/witan/dataset.ts all ask "is
 * this finance a stand-in?" without loading the engine or a file format.
 */
import type { Dataset } from './dataset';
import { MAX_MONEY } from './validate-bounds';

/**
 * The cap of the stand-in ledger: a cumulative deficit that no projection reaches, £ — the
 * largest amount validation accepts (`MAX_MONEY`, £10bn, decision 0017).
 */
export const WITAN_NO_FINANCE_CAP = MAX_MONEY;

/**
 * Whether a dataset's finance is the stand-in of `witanDataset` (the cap is
 * `WITAN_NO_FINANCE_CAP` in every year), so that pages can say its deficit and cap mean nothing.
 * @example hasNoFinance(witanDataset(inputs)) // true
 */
export function hasNoFinance(dataset: Dataset): boolean {
	const cap = Object.values(dataset.finance.lines.deficit_cap ?? {});
	return cap.length > 0 && cap.every((f) => f.value === WITAN_NO_FINANCE_CAP);
}
