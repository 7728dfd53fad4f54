import type { RouterOutputs } from '@siklus/client';

type Evidence = NonNullable<RouterOutputs['io']['resultsChapter']['evidence']>;

/**
 * The chapter's appendix listing the evidence files per cycle and place (stage or a
 * teacher's sheet), as the DOCX prints it. Names only: the files are on the cycle pages.
 */
export function ChapterEvidence({ evidence }: { evidence: Evidence }) {
  return (
    <section className="sk-report__section" aria-label={evidence.caption}>
      <h4>{evidence.caption}</h4>
      {evidence.cycles.map((c) => (
        <div key={c.label} className="sk-report__stages">
          <h5>{c.label}</h5>
          <ul>
            {c.items.map((item) => (
              <li key={item.id}>
                {item.place}: {item.fileName} <span className="sk-muted">({item.kind})</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
