/**
 * Where the server serves downloads (apps/server, issue 7). Plain GET links: the session
 * cookie goes along and the server runs the same scoped tRPC procedures, so a link works
 * only for what the signed-in user may see. Filters of the district comparison travel as
 * query parameters with the names of `reports.districtComparison`'s input.
 */
export type ExportFormat = 'xlsx' | 'csv';

const enc = encodeURIComponent;

export const exportUrls = {
  /** One cycle's table (no, teacher, percentage, band, mean): the paper's Tables 1-3. */
  cycleTable: (cycleId: string, format: ExportFormat) =>
    `/export/cycles/${enc(cycleId)}/table.${format}`,
  /**
   * A study's teacher x cycle recap with gains and normalised gains: approved cycles, or
   * with submitted ones (`withSubmitted`, labelled provisional).
   */
  studyRecap: (studyId: string, format: ExportFormat, withSubmitted = false) =>
    `/export/studies/${enc(studyId)}/recap.${format}${withSubmitted ? '?basis=submitted' : ''}`,
  /** The results chapter (Bab IV) as a Word document, on the same basis. */
  studyReport: (studyId: string, withSubmitted = false) =>
    `/export/studies/${enc(studyId)}/report.docx${withSubmitted ? '?basis=submitted' : ''}`,
  /** The district comparison with the filters on screen (all pages, not only the visible one). */
  districtComparison: (
    format: ExportFormat,
    filters: Record<string, string | number | undefined> = {},
  ) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(filters))
      if (v !== undefined && v !== '') query.set(k, String(v));
    const qs = query.toString();
    return `/export/district/comparison.${format}${qs ? `?${qs}` : ''}`;
  },
  /**
   * An empty observation sheet generated from the study's rubric, to fill in Excel; of a
   * further instrument's rubric with `instrument` 1 to 4 (decision 022).
   */
  importTemplate: (cycleId: string, format: ExportFormat, instrument = 0) =>
    `/import/cycles/${enc(cycleId)}/template.${format}${instrument ? `?instrument=${instrument}` : ''}`,
} as const;

/** In-app pages of the io area (routes/io.tsx). */
export const ioPaths = {
  /** The import of a cycle's sheets; of a further instrument's with `instrument` (decision 022). */
  cycleImport: (cycleId: string, instrument = 0) =>
    `/cycles/${enc(cycleId)}/import${instrument ? `?instrument=${instrument}` : ''}`,
  studyRecapImport: (studyId: string) => `/studies/${enc(studyId)}/recap`,
  studyReportPrint: (studyId: string) => `/studies/${enc(studyId)}/report`,
} as const;

/** Evidence files (decision 020): upload routes and scoped download links. */
export const attachmentUrls = {
  /** POST multipart: to one stage of the cycle, or to one teacher's sheet in it. */
  upload: (cycleId: string, target: { stage: string } | { teacherId: string }) =>
    `/files/cycles/${enc(cycleId)}?${
      'stage' in target ? `stage=${enc(target.stage)}` : `teacherId=${enc(target.teacherId)}`
    }`,
  original: (attachmentId: string) => `/files/attachments/${enc(attachmentId)}`,
  thumbnail: (attachmentId: string) => `/files/attachments/${enc(attachmentId)}/thumbnail`,
} as const;
