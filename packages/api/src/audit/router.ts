import { getDistrict, listAuditEntries } from '@siklus/db';
import { AppError, localDate, ZAuditExportInput, ZAuditListInput } from '@siklus/domain';
import { CSV_TYPE, type FileOut, fileOut, toCsv } from '../io/spreadsheet';
import { adminProcedure, router } from '../trpc';
import { auditRange, auditSheet, readableEntry } from './entries';

/** The most entries one CSV holds; a wider filter is refused with a reason, never cut short. */
export const AUDIT_EXPORT_MAX = 20_000;
const EXPORT_PAGE = 1_000;

export const auditRouter = router({
  /** `{ userId?, schoolId?, action?, from?, to?, limit, offset }`, newest first (admin). */
  list: adminProcedure.input(ZAuditListInput).query(async ({ ctx, input }) => {
    const { timeZone } = await getDistrict(ctx.db, ctx.user.districtId);
    const page = await listAuditEntries(ctx.db, {
      districtId: ctx.user.districtId,
      userId: input.userId,
      schoolId: input.schoolId,
      action: input.action,
      ...auditRange(input, timeZone),
      limit: input.limit,
      offset: input.offset,
    });
    return {
      total: page.total,
      items: page.items.map(readableEntry),
      timeZone,
      limit: input.limit,
      offset: input.offset,
    };
  }),

  /**
   * The admin's district's entries matching the list's filters, newest first, as CSV
   * (UTF-8 with a BOM so Excel opens it; headers in both languages; times in the district's
   * zone). More than AUDIT_EXPORT_MAX entries is refused: narrow the dates.
   */
  exportCsv: adminProcedure
    .input(ZAuditExportInput)
    .query(async ({ ctx, input }): Promise<FileOut> => {
      const district = await getDistrict(ctx.db, ctx.user.districtId);
      const filters = {
        districtId: ctx.user.districtId,
        userId: input.userId,
        schoolId: input.schoolId,
        action: input.action,
        ...auditRange(input, district.timeZone),
      };
      const entries = [];
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        const page = await listAuditEntries(ctx.db, { ...filters, limit: EXPORT_PAGE, offset });
        if (page.total > AUDIT_EXPORT_MAX) {
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            {
              id: `Terlalu banyak entri (${page.total}) untuk satu berkas; persempit rentang tanggal (paling banyak ${AUDIT_EXPORT_MAX}).`,
              en: `Too many entries (${page.total}) for one file; narrow the dates (at most ${AUDIT_EXPORT_MAX}).`,
            },
            { field: 'from' },
          );
        }
        entries.push(...page.items.map(readableEntry));
        if (page.items.length < EXPORT_PAGE || entries.length >= page.total) break;
      }
      const day = localDate(ctx.now(), district.timeZone);
      return fileOut(
        `Log-Audit-${day}.csv`,
        CSV_TYPE,
        toCsv(auditSheet(entries, district.timeZone)),
      );
    }),
});
