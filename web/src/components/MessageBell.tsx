/**
 * 消息铃铛 the header's bell: how many of the account's in-site messages (站内信) are unread, read
 * again every 10 s while the page is visible, when the window gets the focus back and as soon as a
 * page marks messages read (inboxChanged); a click opens the inbox. The count is in the button's
 * accessible name ("消息，3 条未读"), the badge itself is only drawn.
 */
import { BellOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { useDisplay } from '../display';
import { useI18n } from '../i18n';
import { navigate } from '../router';

const REFRESH_MS = 10_000;
const INBOX_CHANGED = 'yibao:inbox-changed';

/** Tells the bell that messages were read (or arrived): it reads the count again at once. */
export const inboxChanged = () => window.dispatchEvent(new Event(INBOX_CHANGED));

export function MessageBell() {
  const { t } = useI18n();
  const { mode } = useDisplay();
  const [count, setCount] = useState(0);

  const refresh = useCallback(async () => {
    try {
      setCount((await api.get('/api/v1/message/inbox/unread-count')).count);
    } catch {
      // the bell keeps its last count; the next round tries again
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const onChange = () => void refresh();
    window.addEventListener('focus', onChange);
    window.addEventListener(INBOX_CHANGED, onChange);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onChange);
      window.removeEventListener(INBOX_CHANGED, onChange);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const senior = mode === 'senior';
  return (
    <span style={{ position: 'relative', display: 'inline-flex' }}>
      <Button
        type="text"
        size={senior ? 'middle' : 'small'}
        icon={<BellOutlined style={{ fontSize: senior ? 22 : 18 }} />}
        data-testid="message-bell"
        aria-label={count > 0 ? t('bell.unread', { count }) : t('bell.none')}
        onClick={() => navigate('/messages')}
      />
      <span
        data-testid="message-bell-count"
        data-count={count}
        aria-hidden
        style={{
          display: count > 0 ? 'inline-block' : 'none',
          position: 'absolute',
          top: senior ? -2 : -6,
          insetInlineEnd: senior ? -2 : -8,
          minWidth: senior ? 22 : 18,
          height: senior ? 22 : 18,
          padding: '0 5px',
          borderRadius: 11,
          background: '#cf1322',
          color: '#fff',
          fontSize: senior ? 14 : 12,
          lineHeight: senior ? '22px' : '18px',
          textAlign: 'center',
          pointerEvents: 'none',
          boxShadow: '0 0 0 1px #fff',
        }}
      >
        {count > 99 ? '99+' : count}
      </span>
    </span>
  );
}
