import { useTRPC } from '@siklus/client';
import { TIME_ZONE_INFO, TIME_ZONES, type TTimeZone } from '@siklus/domain';
import { ApiErrorMessage, Button, Card, useCurrentUser, useLocalized, useT } from '@siklus/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * The district's time zone (WIB, WITA, WIT), set by its admin. Saving refetches `auth.me`,
 * so every time on screen moves to the new zone at once.
 */
export function DistrictTimeZone() {
  const t = useT();
  const localized = useLocalized();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const [zone, setZone] = useState<TTimeZone>(me.timeZone);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(
    trpc.district.setTimeZone.mutationOptions({
      onSuccess: async (district) => {
        setSaved(t('workflow.tz.saved', { zone: TIME_ZONE_INFO[district.timeZone].abbreviation }));
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      },
    }),
  );
  return (
    <Card title={t('workflow.tz.title')} level={2}>
      <form
        className="sk-row"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          save.mutate({ timeZone: zone });
        }}
      >
        <label className="sk-field">
          <span className="sk-field__label">{t('workflow.tz.title')}</span>
          <select
            className="sk-input"
            value={zone}
            onChange={(e) => {
              // The options are TIME_ZONES, so the value is always one of them.
              const next = TIME_ZONES.find((z) => z === e.target.value);
              if (next) setZone(next);
            }}
          >
            {TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {localized(TIME_ZONE_INFO[z].name)} · {z}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" loading={save.isPending} disabled={zone === me.timeZone}>
          {t('workflow.tz.save')}
        </Button>
      </form>
      <p className="sk-muted">{t('workflow.tz.help')}</p>
      {saved && (
        <p className="sk-muted" role="status">
          {saved}
        </p>
      )}
      <ApiErrorMessage error={save.error} />
    </Card>
  );
}
