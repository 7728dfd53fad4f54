import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  /** Text under the title. */
  description?: ReactNode;
  /** Buttons or links at the right of the title row. */
  actions?: ReactNode;
  /** Heading level of the title (default 2). */
  level?: 2 | 3;
  /** Remove the body padding (tables that run edge to edge). */
  flush?: boolean;
}

export function Card({
  title,
  description,
  actions,
  level = 2,
  flush = false,
  className,
  children,
  ...rest
}: CardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={cx('sk-card', flush && 'sk-card--flush', className)} {...rest}>
      {(title || actions) && (
        <header className="sk-card__header">
          <div>
            {title && <Heading className="sk-card__title">{title}</Heading>}
            {description && <p className="sk-card__description">{description}</p>}
          </div>
          {actions && <div className="sk-card__actions">{actions}</div>}
        </header>
      )}
      <div className="sk-card__body">{children}</div>
    </section>
  );
}

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** A breadcrumb or back link above the title. */
  eyebrow?: ReactNode;
}

/** The one h1 of a page, with optional actions at the right. */
export function PageHeader({ title, description, actions, eyebrow }: PageHeaderProps) {
  return (
    <div className="sk-page-header">
      <div>
        {eyebrow && <div className="sk-page-header__eyebrow">{eyebrow}</div>}
        <h1 className="sk-page-header__title">{title}</h1>
        {description && <p className="sk-page-header__description">{description}</p>}
      </div>
      {actions && <div className="sk-page-header__actions">{actions}</div>}
    </div>
  );
}

/** A headline figure: "Rata-rata kabupaten 74,12". */
export function Stat({
  label,
  value,
  hint,
}: {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <div className="sk-stat">
      <div className="sk-stat__label">{label}</div>
      <div className="sk-stat__value">{value}</div>
      {hint && <div className="sk-stat__hint">{hint}</div>}
    </div>
  );
}
