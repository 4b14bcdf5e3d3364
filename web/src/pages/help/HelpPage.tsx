import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import type { CreatedIntakeReport } from './api';
import { Confirmation } from './Confirmation';
import { KnownProblems } from './KnownProblems';
import { ReportForm } from './ReportForm';

/** /help: the internal status first ("is this a known problem?"), then the report form. */
export function HelpPage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedIntakeReport | null>(null);
  return (
    <>
      <PageHeader title={t('help.title')}>
        <p className="muted">{t('help.intro')}</p>
      </PageHeader>
      <KnownProblems />
      {created ? (
        <Confirmation created={created} onAnother={() => setCreated(null)} />
      ) : (
        <section className="card">
          <ReportForm onReported={setCreated} />
        </section>
      )}
    </>
  );
}
