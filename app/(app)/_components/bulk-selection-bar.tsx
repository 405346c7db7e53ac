import type { BulkTarget } from '@/lib/bulk/action';
import { formatTotal } from '@/lib/format-count';

// Above a list: which bulk change, for the rows ticked (their checkboxes belong to this form, see
// app/components/row-selection.tsx) or for everything the filters match. A plain GET form to the
// bulk page, which asks for the change's details and then shows a preview; nothing changes here.

type Props = {
  /** The form's id, given to the table's checkboxes too. */
  formId: string;
  target: BulkTarget;
  actions: { kind: string; label: string }[];
  /** How many rows the filters match. */
  total: number;
  /** `total` is an estimate (the bulk page counts them exactly before anything changes). */
  approximate?: boolean;
  /** The list's filters as a query string, for "all matching". */
  filters: string;
  basePath: string;
  /** "assets", "tickets". */
  noun: string;
  /** Where the ticked rows' labels are printed (assets), as a second way to send this form. */
  printLabelsPath?: string;
};

export function BulkSelectionBar({
  formId,
  target,
  actions,
  total,
  approximate = false,
  filters,
  basePath,
  noun,
  printLabelsPath,
}: Props) {
  if (total === 0) return null;
  return (
    <form
      id={formId}
      method="get"
      action={`${basePath}/bulk/new`}
      className="bulk-bar"
      aria-label={`Change many ${noun}`}
    >
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="filters" value={filters} />
      <label htmlFor={`${formId}-action`}>Bulk change</label>
      <select id={`${formId}-action`} name="action">
        {actions.map((action) => (
          <option key={action.kind} value={action.kind}>
            {action.label}
          </option>
        ))}
      </select>
      <button type="submit" name="scope" value="selected" className="secondary">
        Change selected
      </button>
      <button type="submit" name="scope" value="all" className="secondary">
        Change all {formatTotal(total, approximate)} matching
      </button>
      {printLabelsPath ? (
        <button
          type="submit"
          name="scope"
          value="selected"
          formAction={`${basePath}${printLabelsPath}`}
          className="secondary"
        >
          Print labels for selected
        </button>
      ) : null}
    </form>
  );
}
