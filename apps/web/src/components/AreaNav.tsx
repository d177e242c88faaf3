import { NavLink } from 'react-router';

/**
 * An area's own menu: its pages as links, the current one marked. The first link is the area's home and is
 * marked on its own page only; the others also on the pages below them, unless `exact` marks each on its own only.
 */
export function AreaNav({ label, links, exact }: { label: string; links: Array<[string, string]>; exact?: boolean }) {
  return (
    <nav aria-label={label} className="sub-nav">
      <ul>
        {links.map(([to, text], i) => (
          <li key={to}>
            <NavLink to={to} end={exact || i === 0}>
              {text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
