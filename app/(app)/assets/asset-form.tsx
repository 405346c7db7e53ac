'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { idleState, type ActionState } from '@/lib/boundary/action-state';
import { assetCategorySuggestions, assetStatusLabels } from '@/lib/assets/labels';

export type AssetFormValues = Record<string, string>;

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: AssetFormValues;
  hidden?: Record<string, string>;
  submitLabel: string;
  /** A checked-out asset's status changes only by checking it in. */
  statusLocked?: boolean;
};

/** The create and edit form of an asset; keeps what was typed when saving fails. */
export function AssetForm({ action, initial, hidden = {}, submitLabel, statusLocked }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  const value = (name: string) => state.values?.[name] ?? initial[name] ?? '';
  const statusError = state.fieldErrors?.status;
  const categoryError = state.fieldErrors?.category;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, hiddenValue]) => (
        <input key={`${name}-${hiddenValue}`} type="hidden" name={name} value={hiddenValue} />
      ))}
      <div className="grid-2">
        <Field
          name="assetTag"
          label="Asset tag"
          state={state}
          defaultValue={value('assetTag')}
          required
          autoComplete="off"
        />
        <Field name="name" label="Name" state={state} defaultValue={value('name')} required autoComplete="off" />
        <div className="field">
          <label htmlFor="field-category">Category</label>
          <input
            id="field-category"
            name="category"
            list="asset-category-suggestions"
            defaultValue={value('category')}
            key={value('category')}
            autoComplete="off"
            aria-invalid={categoryError ? true : undefined}
            aria-describedby={categoryError ? 'field-category-error' : undefined}
          />
          <datalist id="asset-category-suggestions">
            {assetCategorySuggestions.map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
          {categoryError ? (
            <span id="field-category-error" className="error">
              {categoryError}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="field-status">Status</label>
          <select
            id="field-status"
            name="status"
            defaultValue={value('status') || 'in_stock'}
            key={value('status')}
            disabled={statusLocked}
            aria-invalid={statusError ? true : undefined}
            aria-describedby={statusError ? 'field-status-error' : statusLocked ? 'field-status-hint' : undefined}
          >
            {Object.entries(assetStatusLabels).map(([status, label]) => (
              <option key={status} value={status} disabled={status === 'deployed' && !statusLocked}>
                {label}
              </option>
            ))}
          </select>
          {statusLocked ? (
            <span id="field-status-hint" className="hint">
              Checked out: check it in to change the status.
            </span>
          ) : null}
          {statusError ? (
            <span id="field-status-error" className="error">
              {statusError}
            </span>
          ) : null}
        </div>
        <Field name="manufacturer" label="Manufacturer" state={state} defaultValue={value('manufacturer')} />
        <Field name="model" label="Model" state={state} defaultValue={value('model')} />
        <Field name="serial" label="Serial" state={state} defaultValue={value('serial')} autoComplete="off" />
        <Field name="location" label="Location" state={state} defaultValue={value('location')} />
        <Field
          name="purchaseDate"
          label="Purchase date"
          type="date"
          state={state}
          defaultValue={value('purchaseDate')}
        />
        <Field
          name="purchaseCost"
          label="Purchase cost"
          state={state}
          defaultValue={value('purchaseCost')}
          hint="e.g. 1299.00"
        />
        <Field name="warrantyEnd" label="Warranty end" type="date" state={state} defaultValue={value('warrantyEnd')} />
      </div>
      <div className="field">
        <label htmlFor="field-notes">Notes</label>
        <textarea id="field-notes" name="notes" rows={3} defaultValue={value('notes')} key={value('notes')} />
        {state.fieldErrors?.notes ? <span className="error">{state.fieldErrors.notes}</span> : null}
      </div>
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
