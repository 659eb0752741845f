/**
 * 站内信 the signed-in account's inbox (a person's, a unit agent's, a clerk's): newest first, the
 * unread ones in bold with a dot (and "未读" for a screen reader), 全部 / 未读, a message opened in a
 * drawer (the whole screen's width on a phone) which marks it read, and 全部已读. The texts are shown
 * as text, never as HTML: a template's placeholder may carry what a party typed. The 消息设置 tab
 * switches categories on or off (安全提醒 stay on) and says when texts wait (quiet hours).
 */
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Grid, List, Segmented, Switch, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, type ItemOf } from '../../api';
import { inboxChanged } from '../../components/MessageBell';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { navigate, useRoute } from '../../router';
import { categoryKey } from './common';

type Message = ItemOf<'/api/v1/message/inbox'>;

export default function InboxPage() {
  const { t } = useI18n();
  const tab = useRoute().query.get('tab') === 'settings' ? 'settings' : 'inbox';
  return (
    <Card title={<span data-testid="page-title">{t('msg.inbox.title')}</span>}>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(key === 'settings' ? '/messages?tab=settings' : '/messages', { replace: true })}
        items={[
          { key: 'inbox', label: <span data-testid="messages-tab-inbox">{t('msg.inbox.tab')}</span>, children: <Inbox /> },
          { key: 'settings', label: <span data-testid="messages-tab-settings">{t('msg.prefs.tab')}</span>, children: <Preferences /> },
        ]}
      />
    </Card>
  );
}

function Inbox() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const list = usePagedList('/api/v1/message/inbox');
  const [open, setOpen] = useState<Message | null>(null);
  const [readingAll, setReadingAll] = useState(false);
  const phone = Grid.useBreakpoint().sm === false;

  const show = async (m: Message) => {
    setOpen(m);
    if (m.readAt) return;
    try {
      setOpen(await api.post('/api/v1/message/inbox/{id}/read', {}, { path: { id: m.id } }));
      inboxChanged();
      void list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const readAll = async () => {
    setReadingAll(true);
    try {
      const { read } = await api.post('/api/v1/message/inbox/read-all');
      message.success(t('msg.inbox.readAllDone', { count: read }));
      inboxChanged();
      void list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setReadingAll(false);
    }
  };

  const unreadOnly = list.filters.unread === true;
  return (
    <>
      <ListPage
        list={list}
        testId="messages-table"
        errorTestId="messages-error"
        tools={
          <Segmented
            data-testid="messages-filter"
            aria-label={t('msg.inbox.filter')}
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => list.filter({ unread: v === 'unread' ? true : undefined })}
            options={[
              { value: 'all', label: <span data-testid="messages-filter-all">{t('common.all')}</span> },
              { value: 'unread', label: <span data-testid="messages-filter-unread">{t('msg.inbox.unread')}</span> },
            ]}
          />
        }
        actions={
          <Button onClick={() => void readAll()} loading={readingAll} data-testid="messages-read-all">
            {t('msg.inbox.readAll')}
          </Button>
        }
        empty={t(unreadOnly ? 'msg.inbox.noneUnread' : 'msg.inbox.none')}
        columns={[
          {
            key: 'subject',
            title: t('msg.inbox.subject'),
            render: (_: unknown, m: Message) => (
              <Flex align="center" gap={8}>
                <span
                  aria-hidden
                  style={{ width: 8, height: 8, flex: 'none', borderRadius: 4, background: m.readAt ? 'transparent' : '#cf1322' }}
                />
                <Typography.Link
                  strong={!m.readAt}
                  data-testid={`message-open-${m.id}`}
                  data-unread={String(!m.readAt)}
                  onClick={() => void show(m)}
                  style={{ color: m.readAt ? undefined : 'rgba(0, 0, 0, 0.88)' }}
                >
                  {!m.readAt && <span className="sr-only">{t('msg.inbox.unread')}：</span>}
                  {m.subject}
                </Typography.Link>
              </Flex>
            ),
          },
          { ...nowrap, key: 'category', title: t('msg.category'), render: (_: unknown, m: Message) => <Tag>{t(categoryKey(m.category))}</Tag> },
          { ...nowrap, key: 'createdAt', title: t('msg.inbox.at'), render: (_: unknown, m: Message) => formatTime(m.createdAt, lang) },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        placement="right"
        size={phone ? '100%' : 480}
        title={<span data-testid="message-subject">{open?.subject}</span>}
        destroyOnHidden
      >
        {open && (
          <Flex vertical gap={16} data-testid="message-detail" data-read={String(!!open.readAt)}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'at', label: t('msg.inbox.at'), children: formatTime(open.createdAt, lang) },
                { key: 'category', label: t('msg.category'), children: t(categoryKey(open.category)) },
              ]}
            />
            {/* text, never HTML: React escapes it; line breaks kept */}
            <Typography.Paragraph data-testid="message-body" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 }}>
              {open.body}
            </Typography.Paragraph>
            <Button block={phone} onClick={() => setOpen(null)} data-testid="message-close">
              {t('msg.inbox.close')}
            </Button>
          </Flex>
        )}
      </Drawer>
    </>
  );
}

const loadPreferences = () => api.get('/api/v1/message/preferences');

/** 消息设置 one switch per category; a mandatory one on and disabled, saying why */
function Preferences() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const prefs = useQuery(loadPreferences, null);
  const [saving, setSaving] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(prefs.data);
  const view = saved ?? prefs.data;

  const change = async (category: string, enabled: boolean) => {
    setSaving(category);
    setFailure(null);
    try {
      setSaved(await api.put('/api/v1/message/preferences', { categories: { [category]: enabled } }));
      message.success(t('msg.prefs.saved'));
    } catch (e) {
      // the server's problem detail, e.g. a mandatory category switched off
      setFailure(errorMessage(e));
    } finally {
      setSaving(null);
    }
  };

  if (prefs.error) return <Alert type="error" showIcon title={prefs.error} data-testid="prefs-error" />;
  if (!view) return <List loading />;
  const { start, end } = view.quietHours;
  return (
    <Flex vertical gap={16} data-testid="message-preferences">
      <Typography.Text type="secondary">{t('msg.prefs.hint')}</Typography.Text>
      <Alert type="info" showIcon data-testid="prefs-quiet-hours" title={t('msg.prefs.quietHours', { start, end })} />
      {failure && <Alert type="error" showIcon title={failure} data-testid="prefs-error" closable={{ onClose: () => setFailure(null) }} />}
      <List
        bordered
        dataSource={view.categories}
        renderItem={(c) => {
          const name = lang === 'en' ? c.nameEn : c.nameZh;
          return (
            <List.Item
              data-testid={`prefs-${c.category}`}
              actions={[
                <Switch
                  key="switch"
                  data-testid={`prefs-switch-${c.category}`}
                  aria-label={name}
                  checked={c.enabled}
                  disabled={c.mandatory}
                  loading={saving === c.category}
                  onChange={(on) => void change(c.category, on)}
                />,
              ]}
            >
              <Flex vertical>
                <Typography.Text strong>{name}</Typography.Text>
                {c.mandatory && (
                  <Typography.Text type="secondary" data-testid={`prefs-mandatory-${c.category}`}>
                    {t('msg.prefs.mandatory', { name })}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          );
        }}
      />
    </Flex>
  );
}
