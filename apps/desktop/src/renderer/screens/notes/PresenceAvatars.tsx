import { useTranslation } from 'react-i18next';
import { firstName, initialsOf, type Peer } from '../../lib/collab/presence';

/** Names shown before the rest are summed up as "mais N pessoas". */
const MAX_NAMED_PEERS = 3;

/**
 * Shows the colleagues viewing the same loan: an avatar per user (initials on a colour derived from
 * the user id) and a line such as "Você e Bruno estão vendo este empréstimo". Nothing is shown
 * while the user is alone.
 */
export function PresenceAvatars({ peers }: { peers: readonly Peer[] }) {
  const { t, i18n } = useTranslation();
  if (peers.length === 0) return null;

  const named = peers.slice(0, MAX_NAMED_PEERS).map((peer) => firstName(peer.name));
  const extra = peers.length - named.length;
  const people = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format([
    t('collab.presence.you'),
    ...named,
    ...(extra > 0 ? [t('collab.presence.more', { count: extra })] : []),
  ]);

  return (
    <div className="presence" data-testid="notes-presence" aria-label={t('collab.presence.label')}>
      <ul className="presence__avatars">
        {peers.map((peer) => (
          <li
            key={peer.id}
            className="presence__avatar"
            style={{ backgroundColor: peer.colour }}
            title={peer.name}
            data-testid="presence-avatar"
            data-user-id={peer.id}
          >
            <span aria-hidden="true" data-testid="presence-initials">{initialsOf(peer.name)}</span>
            <span className="presence__name">{peer.name}</span>
          </li>
        ))}
      </ul>
      <span className="presence__text muted" data-testid="notes-presence-text">
        {t('collab.presence.viewing', { people })}
      </span>
    </div>
  );
}
