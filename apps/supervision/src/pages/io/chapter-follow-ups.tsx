import type { RouterOutputs } from '@siklus/client';
import { ChapterHeaderRow } from './chapter-table-head';

type ChapterFollowUps = NonNullable<RouterOutputs['io']['resultsChapter']['followUps']>;

/**
 * The chapter's table of follow-up plans (RTL) per teacher and cycle, as the DOCX prints
 * it (Indonesian, the report's language): the same rows, from the same chapter model.
 */
export function ChapterFollowUpsTable({ followUps }: { followUps: ChapterFollowUps }) {
  return (
    <section className="sk-report__section">
      <p className="sk-report__caption">{followUps.caption}</p>
      <table className="sk-report__table">
        <thead>
          <ChapterHeaderRow headers={followUps.headers} />
        </thead>
        <tbody>
          {followUps.rows.map((r) => (
            <tr key={r.no}>
              <td>{r.no}</td>
              <td>{r.teacher}</td>
              <td>{r.cycle}</td>
              <td>{r.indicators}</td>
              <td>{r.actions}</td>
              <td>{r.support}</td>
              <td>{r.dueOn}</td>
              <td>{r.status}</td>
              <td>{r.result}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
