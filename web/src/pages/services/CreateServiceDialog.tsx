import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateService } from '../../api/admin';
import { Dialog } from '../../components/Dialog';
import { emptyService, ServiceForm } from './ServiceForm';

/** A new service; on success its page opens, where integrations are added. */
export function CreateServiceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateService();
  const navigate = useNavigate();
  return (
    <Dialog open={open} title={t('services.create.title')} onClose={onClose}>
      <ServiceForm
        initial={emptyService}
        submitLabel={t('common.create')}
        busy={create.isPending}
        error={create.error}
        onCancel={onClose}
        onSubmit={(v) =>
          create.mutate(
            {
              name: v.name,
              description: v.description || undefined,
              tier: v.tier,
              teamId: v.teamId ?? undefined,
              escalationPolicyId: v.escalationPolicyId ?? undefined,
            },
            { onSuccess: (s) => navigate(`/services/${s.id}`) },
          )
        }
      />
    </Dialog>
  );
}
