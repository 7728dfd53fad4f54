/**
 * The header row of a chapter's table, one column per name as the DOCX prints them
 * (Indonesian, the report's language).
 */
export function ChapterHeaderRow({ headers }: { headers: readonly string[] }) {
  return (
    <tr>
      {headers.map((h) => (
        <th scope="col" key={h}>
          {h}
        </th>
      ))}
    </tr>
  );
}
