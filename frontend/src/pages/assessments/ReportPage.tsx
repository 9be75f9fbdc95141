import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/problem';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import '../../components/assessments/assessments.css';
import { NotAReport } from '../../lib/assessments/api';
import { useReport } from '../../lib/assessments/queries';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';

/**
 * The park report as the server makes it (GET …/report: a standalone HTML page with inline CSS,
 * no scripts), shown in a sandboxed frame; "Print" prints the frame alone, so no menu or button
 * of the app is on paper.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { versioned } = useParkContext();
  const { park } = versioned;
  const report = useReport(park.id);
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  useDocumentTitle(`${t('assessments.report.title')} · ${park.name}`);

  // The frame is as tall as the report, so the page scrolls once (and prints whole).
  const fit = useCallback(() => {
    const doc = frame.current?.contentDocument;
    if (doc?.documentElement) setHeight(Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0) + 8);
  }, []);

  const print = () => {
    const win = frame.current?.contentWindow;
    if (!win) return;
    win.focus();
    win.print();
  };

  return (
    <div className="report-page" data-testid="report-page">
      <div className="rp-bar">
        <div>
          <h2>{t('assessments.report.title')}</h2>
          <p className="muted">{t('assessments.report.intro')}</p>
        </div>
        <div className="form-actions-inline">
          <Link to={`/parken/${park.id}`} className="button button-quiet">
            {t('assessments.report.back')}
          </Link>{' '}
          {report.data && (
            <button type="button" className="button button-primary" onClick={print} data-testid="report-print">
              {t('assessments.report.print')}
            </button>
          )}
        </div>
      </div>
      {report.isPending && <Loading />}
      {report.error &&
        (isApiError(report.error, 404) || isApiError(report.error, 405) || report.error instanceof NotAReport ? (
          <Alert
            tone="warning"
            title={t('assessments.report.notYet')}
            testId="report-unavailable"
            actions={
              <button type="button" className="button button-secondary" onClick={() => void report.refetch()}>
                {t('assessments.report.reload')}
              </button>
            }
          >
            <p>{report.error instanceof NotAReport ? t('assessments.report.notHtml') : t('assessments.report.notYetBody')}</p>
          </Alert>
        ) : (
          <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
        ))}
      {report.data && (
        <iframe
          ref={frame}
          className="rp-frame"
          title={t('assessments.report.frame', { park: park.name })}
          srcDoc={report.data}
          // Same origin so the page can measure and print it; no scripts run inside.
          sandbox="allow-same-origin allow-modals"
          onLoad={fit}
          style={height ? { height } : undefined}
          data-testid="report-frame"
        />
      )}
    </div>
  );
}
