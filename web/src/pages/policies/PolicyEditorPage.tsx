import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { del, patch, post } from '../../api/client';
import { type EscalationPolicy, keys, useCan, usePolicy, useRefreshOnCall, useServices } from '../../api/oncall';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ConfirmDeleteDialog } from '../schedules/ConfirmDeleteDialog';
import { bodyOf, draftOf, emptyDraft, type PolicyDraft } from './draft';
import { PolicyForm } from './PolicyForm';
import { PolicySummary } from './PolicySummary';

/** Services that page through the policy, by name where the list has them. */
function UsedBy({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const services = useServices();
  if (!ids.length) return <p className="muted">{t('policies.editor.unused')}</p>;
  const names = new Map((services.data?.items ?? []).map((s) => [s.id, s.name]));
  return (
    <p>
      {t('policies.editor.usedBy')}{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i ? ', ' : ''}
          <Link to={`/services/${id}`}>{names.get(id) ?? id}</Link>
        </span>
      ))}
    </p>
  );
}

function Editor({ policy }: { policy: EscalationPolicy | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const refresh = useRefreshOnCall();
  const qc = useQueryClient();
  const location = useLocation();
  const [draft, setDraft] = useState<PolicyDraft>(() => (policy ? draftOf(policy) : emptyDraft()));
  // A new policy opens at its own address after the first save: say "saved" there too.
  const [saved, setSaved] = useState(Boolean((location.state as { saved?: boolean } | null)?.saved));
  const [deleting, setDeleting] = useState(false);
  const known = new Map((policy?.levels ?? []).flatMap((l) => l.targets.map((x) => [`${x.type}:${x.id}`, x.name ?? ''] as const)).filter(([, n]) => n));
  const save = useMutation({
    mutationFn: () => (policy ? patch<EscalationPolicy>(`/api/v1/escalation-policies/${policy.id}`, bodyOf(draft)) : post<EscalationPolicy>('/api/v1/escalation-policies', bodyOf(draft))),
    onSuccess: async (p) => {
      qc.setQueryData(keys.policy(p.id), p);
      await refresh();
      setSaved(true);
      if (!policy) void navigate(`/escalation-policies/${p.id}`, { replace: true, state: { saved: true } });
    },
  });
  return (
    <>
      <p className="crumbs">
        <Link to="/escalation-policies">{t('policies.list.title')}</Link>
      </p>
      <PageHeader title={policy ? policy.name : t('policies.editor.newTitle')}>
        {policy ? (
          <>
            <PolicySummary policy={policy} />
            <UsedBy ids={policy.serviceIds} />
          </>
        ) : null}
      </PageHeader>
      {can.manage ? null : <p className="muted">{t('policies.editor.readOnly')}</p>}
      <PolicyForm
        draft={draft}
        onChange={(d) => {
          setDraft(d);
          setSaved(false);
        }}
        onSubmit={() => save.mutate()}
        error={save.error}
        busy={save.isPending}
        known={known}
        actions={
          <>
            {policy && can.manage ? (
              <button type="button" className="button danger" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </button>
            ) : null}
            {saved && !save.isPending ? (
              <span className="ok-note" role="status">
                {t('policies.editor.saved')}
              </span>
            ) : null}
          </>
        }
      />
      {deleting && policy ? (
        <ConfirmDeleteDialog
          title={t('policies.delete.title')}
          question={t('policies.delete.question', { name: policy.name })}
          inUse={t('policies.delete.inUse')}
          remove={() => del(`/api/v1/escalation-policies/${policy.id}`)}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            void refresh();
            void navigate('/escalation-policies');
          }}
        />
      ) : null}
    </>
  );
}

/** /escalation-policies/new and /escalation-policies/:id. */
export function PolicyEditorPage() {
  const { id = '' } = useParams();
  const isNew = id === 'new';
  const q = usePolicy(isNew ? '' : id);
  if (isNew) return <Editor policy={null} />;
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorNote error={q.error} />;
  return <Editor key={q.data.id} policy={q.data} />;
}
