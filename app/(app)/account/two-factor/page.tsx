import type { Metadata } from 'next';
import QRCode from 'qrcode';
import { BackLink } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import { totpState, unusedRecoveryCodes } from '@/lib/auth/second-factor';
import { pageActor } from '@/lib/boundary/page';
import { mustSetUpSecondFactor } from '@/lib/boundary/request';
import { getDb } from '@/lib/db/client';
import { ConfirmTotpForm, DisableTotpForm, StartTotpForm } from './totp-forms';

export const metadata: Metadata = { title: 'Two-factor sign-in' };

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

async function qrCodeAddress(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export default async function TwoFactorPage() {
  const actor = await pageActor(undefined, { duringSecondFactorSetup: true });
  const db = await getDb();
  const [state, required] = await Promise.all([totpState(db, actor), mustSetUpSecondFactor(actor.id)]);
  // Drawn here as an SVG data address: no request leaves the server, and the page CSP allows data: images.
  const qrCode = state.status === 'pending' ? await qrCodeAddress(state.uri) : null;
  const remaining = state.status === 'on' ? await unusedRecoveryCodes(db, actor.id) : 0;

  return (
    <>
      <BackLink href="/account">Account</BackLink>
      <h1>Two-factor sign-in</h1>
      {required ? (
        <p className="notice error" role="status">
          Your role must sign in with a second factor. Set up an authenticator app to continue using the app.
        </p>
      ) : null}
      <Panel id="totp" title="Authenticator app">
        {state.status === 'off' ? (
          <>
            <p>
              After your password, sign-in will ask for a six-digit code from an app on your phone (such as Aegis,
              Google Authenticator or 1Password).
            </p>
            <StartTotpForm />
          </>
        ) : null}
        {state.status === 'pending' ? (
          <div className="totp-enrol">
            <p>1. Scan this code with your authenticator app.</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: address drawn on the server */}
            <img src={qrCode!} alt="QR code for your authenticator app" width={220} height={220} className="qr-code" />
            <p>
              Or type this key into the app: <code data-testid="totp-secret">{grouped(state.secret)}</code>
            </p>
            <p>2. Enter the code the app shows to turn two-factor sign-in on.</p>
            <ConfirmTotpForm />
            <StartTotpForm again />
          </div>
        ) : null}
        {state.status === 'on' ? (
          <>
            <p data-testid="totp-status">
              On. Sign-in asks for a code from your app. {remaining} unused recovery code{remaining === 1 ? '' : 's'}{' '}
              left.
            </p>
            <DisableTotpForm />
          </>
        ) : null}
      </Panel>
    </>
  );
}
