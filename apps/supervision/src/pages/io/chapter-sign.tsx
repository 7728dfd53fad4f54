import type { RouterOutputs } from '@siklus/client';
import { useT } from '@siklus/ui';
import './chapter-sign.css';

type Chapter = RouterOutputs['io']['resultsChapter'];
type Letterhead = NonNullable<Chapter['letterhead']>;
type SignOff = NonNullable<Chapter['signOff']>;
type Signer = SignOff['principal'];

/**
 * The report's letterhead (kop surat) and signature block, from the same chapter model
 * the DOCX prints (io.resultsChapter): the logo beside the office's name, its address
 * and contacts over a double rule; at the end "Mengetahui, Pengawas Sekolah" and the
 * principal, each with room to sign, the name and the NIP. Document text, in Indonesian.
 */
export function ChapterLetterhead({ letterhead: l }: { letterhead: Letterhead }) {
  const t = useT();
  return (
    <header className="sk-kop">
      {l.logo && (
        <img
          className="sk-kop__logo"
          src={l.logo.dataUrl}
          width={l.logo.width}
          height={l.logo.height}
          alt={t('letterhead.logoAlt', { office: l.lines.join(' ') })}
        />
      )}
      <div className="sk-kop__text">
        {l.lines.map((line, i) => (
          <p
            key={line}
            className={
              i === l.lines.length - 1 ? 'sk-kop__office sk-kop__office--main' : 'sk-kop__office'
            }
          >
            {line}
          </p>
        ))}
        <p className="sk-kop__address">{l.address}</p>
        {l.contact && <p className="sk-kop__contact">{l.contact}</p>}
      </div>
    </header>
  );
}

function SignerColumn({ top, signer }: { top: string[]; signer: Signer }) {
  return (
    <div className="sk-sign__col">
      {top.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed lines, some of them empty
        <p key={i}>{line || '\u00a0'}</p>
      ))}
      <p className="sk-sign__role">{signer.role}</p>
      <p className={signer.name ? 'sk-sign__name' : 'sk-sign__blank'}>
        {signer.name ?? '(.................................)'}
      </p>
      <p>NIP. {signer.nip ?? '..................................'}</p>
    </div>
  );
}

export function ChapterSignOff({ signOff: s }: { signOff: SignOff }) {
  return (
    <section className="sk-sign">
      <SignerColumn top={['', 'Mengetahui,']} signer={s.supervisor} />
      <SignerColumn top={[s.placeAndDate, '']} signer={s.principal} />
    </section>
  );
}
