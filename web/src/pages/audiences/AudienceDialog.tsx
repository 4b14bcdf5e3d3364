import { useTranslation } from 'react-i18next';
import type { StakeholderAudience, User } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { useSession } from '../../session/session';
import { useAudienceMutations } from './api';
import { AudienceForm } from './AudienceForm';
import { bodyOf, draftOf, emptyDraft } from './draft';

/** A new audience (`audience` null) or a change to one; closes once the server has it. */
export function AudienceDialog({ audience, people, onClose }: { audience: StakeholderAudience | null; people: readonly User[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { create, update } = useAudienceMutations();
  const m = audience ? update : create;
  const close = () => {
    m.reset();
    onClose();
  };
  return (
    <Dialog open title={audience ? t('audiences.edit.title', { name: audience.name }) : t('audiences.create.title')} onClose={close}>
      <AudienceForm
        initial={audience ? draftOf(audience) : emptyDraft(lang)}
        people={people}
        submitLabel={audience ? t('common.save') : t('common.create')}
        busy={m.isPending}
        error={m.error}
        onCancel={close}
        onSubmit={(d) => {
          const body = bodyOf(d);
          if (audience) update.mutate({ id: audience.id, body }, { onSuccess: close });
          else create.mutate(body, { onSuccess: close });
        }}
      />
    </Dialog>
  );
}
