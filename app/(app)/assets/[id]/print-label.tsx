import { getConfig } from '@/lib/config';
import { labelFormats, labelStocks } from '@/lib/labels/formats';

/** One asset's label as a PDF, on the stock chosen (a plain GET form: works without JavaScript). */
export function PrintLabelForm({ assetId }: { assetId: string }) {
  return (
    <form className="stack" method="get" action={`${getConfig().basePath}/api/assets/labels`} target="_blank">
      <input type="hidden" name="ids" value={assetId} />
      <div className="field">
        <label htmlFor="label-format">Label stock</label>
        <select id="label-format" name="format" defaultValue="roll-62x29">
          {labelFormats.map((format) => (
            <option key={format} value={format}>
              {labelStocks[format].label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit" className="secondary">
          Print label
        </button>
      </div>
    </form>
  );
}
