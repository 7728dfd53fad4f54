import { BrandTop, useSignOut } from '../components/auth';
import { Button } from '../components/button';
import { Card } from '../components/card';
import { useT } from '../i18n/i18n';
import { PasswordChangeForm } from './password-change';

/**
 * What a user whose password an admin set sees instead of the app until they change it
 * (RequireAuth shows it). The server refuses everything else meanwhile; this only says so.
 */
export function ForcedPasswordChange() {
  const t = useT();
  const signOut = useSignOut();
  return (
    <main className="sk-fullpage">
      <div className="sk-forbidden__box">
        <BrandTop />
        <Card className="sk-narrow-card" title={t('password.forcedTitle')} level={2}>
          <div className="sk-stack">
            <p>{t('password.forcedBody')}</p>
            <PasswordChangeForm />
            <div>
              <Button variant="ghost" size="sm" onClick={signOut.signOut} loading={signOut.pending}>
                {t('shell.signOut')}
              </Button>
            </div>
          </div>
        </Card>
      </div>
    </main>
  );
}
