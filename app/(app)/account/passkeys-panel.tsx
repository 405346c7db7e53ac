import { Panel } from '@/app/components/panel';
import type { PasskeySummary } from '@/lib/auth/passkeys';
import { relyingParty } from '@/lib/auth/passkey-relying-party';
import { getConfig } from '@/lib/config';
import { PasskeyRegisterForm } from './passkey-register-form';
import { PasskeyTable } from './passkey-table';

/** The account's passkeys, and a way to add one; or why this installation has none. */
export function PasskeysPanel({ passkeys }: { passkeys: PasskeySummary[] }) {
  const { basePath, publicUrl } = getConfig();
  const party = relyingParty({ publicUrl });
  return (
    <Panel id="passkeys" title="Passkeys">
      <p className="muted">
        A passkey signs you in without your password: your device checks your fingerprint, face or PIN.
      </p>
      <PasskeyTable passkeys={passkeys} />
      {party.enabled ? (
        <PasskeyRegisterForm apiBase={`${basePath}/api`} origin={party.origin} />
      ) : (
        <p className="notice" role="note">
          {party.reason}
        </p>
      )}
    </Panel>
  );
}
