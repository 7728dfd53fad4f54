import { PageHeader, useCurrentUser, useT } from '@siklus/ui';
import { Link } from 'react-router';
import { DistrictTimeZone } from '../district/district-time-zone';
import { JumpThreshold } from '../district/jump-threshold';
import { LetterheadCard } from '../district/letterhead-card';
import { ReviewWaitDays } from '../district/review-wait-days';
import { SECTIONS, sectionBody, sectionTitle } from '../sections';
import { AdminWaiting } from './admin-waiting';

/** The admin's start page: what waits (drafts, silent accounts), then one card per section. */
export function HomePage() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader
        eyebrow={t('me.welcome', { name: me.fullName })}
        title={t('adm.home.title')}
        description={t('adm.home.description', { district: me.districtName })}
      />
      <AdminWaiting />
      <nav aria-label={t('adm.home.title')}>
        <ul className="sk-grid sk-plain-list">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <Link className="adm-link-card" to={s.path}>
                <span className="adm-link-card__title">{t(sectionTitle(s.id))}</span>
                <span className="adm-link-card__body">{t(sectionBody(s.id))}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DistrictTimeZone />
      <JumpThreshold />
      <ReviewWaitDays />
      <LetterheadCard />
    </>
  );
}
