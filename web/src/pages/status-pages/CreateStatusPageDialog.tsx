import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { useSession } from '../../session/session';
import { useStatusPageMutations } from './api';
import { StatusPageForm } from './StatusPageForm';

/** A new page (slug, name, who may read it, language, zone, custom domain); its screen opens next. */
export function CreateStatusPageDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang, zone } = useSession();
  const { create } = useStatusPageMutations();
  const navigate = useNavigate();
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Dialog open={open} title={t('statusPages.create.title')} onClose={close}>
      <StatusPageForm
        initial={{ slug: '', name: '', description: '', visibility: 'public', language: lang, timeZone: zone, hostname: '' }}
        withSlug
        submitLabel={t('common.create')}
        busy={create.isPending}
        error={create.error}
        onCancel={close}
        onSubmit={(v) =>
          create.mutate(
            {
              slug: v.slug.trim(),
              name: v.name,
              description: v.description || undefined,
              visibility: v.visibility,
              language: v.language,
              timeZone: v.timeZone,
              hostname: v.hostname.trim() || null,
            },
            { onSuccess: (p) => navigate(`/status-pages/${p.id}`) },
          )
        }
      />
    </Dialog>
  );
}
