/** A plain download link (the server answers with a file; the session cookie goes along). */
export function DownloadLink({ href, children }: { href: string; children: string }) {
  return (
    <a className="sk-btn sk-btn--secondary sk-btn--sm" href={href} download>
      {children}
    </a>
  );
}
