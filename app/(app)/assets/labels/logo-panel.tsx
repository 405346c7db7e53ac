import { ActionButton } from '@/app/components/action-button';
import { Panel } from '@/app/components/panel';
import { describeBytes } from '@/lib/assets/image-validation';
import { getConfig } from '@/lib/config';
import { maxLabelLogoBytes } from '@/lib/labels/logo';
import { ImageUpload } from '../[id]/image-upload';
import { removeLabelLogoAction } from './actions';

/**
 * Admins choose the logo every label carries (or none). The image is addressed by its version, so
 * a new logo shows as soon as the page refreshes after the upload.
 */
export function LabelLogoPanel({ logoVersion, admin }: { logoVersion: number | null; admin: boolean }) {
  const logoUrl = `${getConfig().basePath}/api/labels/logo`;
  const hasLogo = logoVersion !== null;
  return (
    <Panel id="label-logo" title="Logo on labels">
      {hasLogo ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by our own authenticated route
        <img
          src={`${logoUrl}?v=${logoVersion}`}
          alt="The logo printed on labels"
          style={{ maxWidth: '12rem', height: 'auto' }}
        />
      ) : (
        <p className="empty">No logo: labels carry the QR code, the tag and the name.</p>
      )}
      {admin ? (
        <>
          <ImageUpload
            uploadUrl={logoUrl}
            maxLabel={describeBytes(maxLabelLogoBytes)}
            kind={{ label: 'Logo', types: ['PNG', 'JPEG'] }}
          />
          {hasLogo ? (
            <ActionButton
              action={removeLabelLogoAction}
              fields={{}}
              label="Remove logo"
              confirm="Print labels without a logo?"
              variant="danger"
            />
          ) : null}
        </>
      ) : null}
    </Panel>
  );
}
