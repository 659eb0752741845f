import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { href } from '../router';
import { LangSwitch } from './LangSwitch';

/** A line under the card's content that leads to the other page (login ↔ register). */
export interface AuthSwitch {
  prompt: string;
  label: string;
  path: string;
  testId: string;
}

/** Frame of the pages shown before login: title, language switch, a centered card. */
export function AuthShell({ title, children, width = 440, switchTo }: { title: string; children: ReactNode; width?: number; switchTo?: AuthSwitch }) {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #e8f1ff 0%, #f5f7fa 320px)' }}>
      <Flex justify="space-between" align="center" style={{ padding: '16px 32px' }}>
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="app-title">
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </Flex>
        <LangSwitch />
      </Flex>
      <Flex justify="center" style={{ padding: '24px 16px 48px' }}>
        <Card title={<span data-testid="page-title">{title}</span>} style={{ width, maxWidth: '100%' }}>
          {children}
          {switchTo && (
            <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
              {switchTo.prompt} <a href={href(switchTo.path)} data-testid={switchTo.testId}>{switchTo.label}</a>
            </Typography.Paragraph>
          )}
        </Card>
      </Flex>
    </div>
  );
}
