import { useTRPC } from '@siklus/client';
import { formatId, trimZeros, ZIntegritySettingsInput } from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  FormTextField,
  showApiFieldError,
  useFormat,
  useT,
  useZodForm,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * The district's jump threshold N (issue 18): a teacher's figure changing by more than N
 * points from one cycle to the next is listed as an integrity signal ("perlu dicek").
 * Set by the admin, audited with the value it replaces.
 */
export function JumpThreshold() {
  const t = useT();
  const trpc = useTRPC();
  const settings = useQuery(trpc.integrity.settings.queryOptions());
  return (
    <Card title={t('integrity.jump.title')} level={2}>
      {settings.data ? (
        <JumpThresholdForm
          key={settings.data.jumpPoints}
          current={settings.data.jumpPoints}
          isDefault={settings.data.isDefault}
        />
      ) : (
        <ApiErrorMessage error={settings.error} />
      )}
      <p className="sk-muted">{t('integrity.jump.help')}</p>
    </Card>
  );
}

function JumpThresholdForm({ current, isDefault }: { current: string; isDefault: boolean }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const shown = (v: string) => (f.lang === 'id' ? formatId(trimZeros(v)) : trimZeros(v));
  const form = useZodForm({
    schema: ZIntegritySettingsInput,
    defaultValues: { jumpPoints: shown(current) },
    toInput: (v: { jumpPoints: string }) => v,
  });
  const save = useMutation(
    trpc.integrity.updateSettings.mutationOptions({
      onSuccess: async (result) => {
        setSaved(t('integrity.jump.saved', { points: shown(result.jumpPoints) }));
        await queryClient.invalidateQueries(trpc.integrity.settings.queryFilter());
      },
    }),
  );
  return (
    <form
      className="sk-row"
      noValidate
      onSubmit={form.handleSubmit((input) => {
        setSaved(null);
        save.mutate(input, { onError: (e) => showApiFieldError(form, e, ['jumpPoints']) });
      })}
    >
      <FormTextField
        form={form}
        name="jumpPoints"
        label={t('integrity.jump.label')}
        hint={
          isDefault
            ? t('integrity.jump.default')
            : t('integrity.jump.current', { points: shown(current) })
        }
        inputMode="decimal"
      />
      <Button type="submit" loading={save.isPending}>
        {t('integrity.jump.save')}
      </Button>
      {saved && (
        <p className="sk-muted" role="status">
          {saved}
        </p>
      )}
      <ApiErrorMessage error={save.error} inlineFields={['jumpPoints']} />
    </form>
  );
}
