import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Select, Spin, Tree } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, type BodyOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { useRules } from '../../forms';
import { RegionCascader, RegionName } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { findOrg, useOrgs, type OrgNode } from './common';

type NewLevel = BodyOf<'/api/v1/auth/orgs', 'post'>['level'];

interface OrgForm {
  name: string;
  level: NewLevel;
  regionCode: string;
}

/** Levels below the root, in order; a child is always one level below its parent (the server checks). */
export const ORG_LEVELS: NewLevel[] = ['province', 'city', 'agency'];

interface TreeNode {
  key: string;
  title: string;
  children?: TreeNode[];
}

function toTree(nodes: OrgNode[]): TreeNode[] {
  return nodes.map((n) => ({ key: n.id, title: n.name, children: n.children.length ? toTree(n.children) : undefined }));
}

function nextLevel(level: OrgNode['level'] | undefined): NewLevel | undefined {
  if (level === 'national') return ORG_LEVELS[0];
  const i = level ? ORG_LEVELS.indexOf(level) : -1;
  return i >= 0 && i < ORG_LEVELS.length - 1 ? ORG_LEVELS[i + 1] : undefined;
}

export default function OrgsPage() {
  const { t, tx } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const { orgs, loading, error, reload } = useOrgs();
  const [selected, setSelected] = useState<string | null>(null);
  const treeData = useMemo(() => toTree(orgs), [orgs]);
  useEffect(() => {
    if (!selected && orgs[0]) setSelected(orgs[0].id);
  }, [orgs, selected]);
  const current = findOrg(orgs, selected) ?? undefined;
  const canAdd = permissions.has('auth.orgs.manage');
  const addModal = useFormModal<OrgForm>(['name', 'level', 'regionCode'], async (v, { close }) => {
    if (!current) return;
    const created = await api.post('/api/v1/auth/orgs', { parentId: current.id, name: v.name.trim(), level: v.level, regionCode: v.regionCode });
    message.success(t('common.success'));
    close();
    await reload();
    setSelected(created.id);
  });

  const openAdd = () => {
    addModal.form.resetFields();
    addModal.form.setFieldsValue({ level: nextLevel(current?.level), regionCode: current?.regionCode ?? undefined });
    addModal.show();
  };

  return (
    <Card title={<span data-testid="page-title">{t('orgs.title')}</span>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={[24, 16]}>
        <Col xs={24} md={10}>
          <Spin spinning={loading}>
            {treeData.length ? (
              <Tree
                data-testid="org-tree"
                showLine
                blockNode
                defaultExpandAll
                key={treeData.length /* re-expand after reload */}
                treeData={treeData}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => keys[0] !== undefined && setSelected(String(keys[0]))}
              />
            ) : (
              !loading && <Empty />
            )}
          </Spin>
        </Col>
        <Col xs={24} md={14}>
          {current ? (
            <Card
              size="small"
              title={current.name}
              extra={
                canAdd && nextLevel(current.level) ? (
                  <Button type="primary" onClick={openAdd} data-testid="org-add-child">
                    {t('orgs.addChild')}
                  </Button>
                ) : null
              }
            >
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'name', label: t('orgs.name'), children: current.name },
                  { key: 'level', label: t('orgs.level'), children: tx(`orgs.level.${current.level}`, String(current.level)) },
                  { key: 'region', label: t('orgs.regionCode'), children: <RegionName code={current.regionCode} /> },
                  { key: 'parent', label: t('orgs.parent'), children: findOrg(orgs, current.parentId)?.name ?? '—' },
                ]}
              />
            </Card>
          ) : (
            <Empty description={t('orgs.selectHint')} />
          )}
        </Col>
      </Row>
      <FormModal
        modal={addModal}
        title={current ? `${t('orgs.addChild')} · ${current.name}` : t('orgs.addRoot')}
        name="org-add"
        submitTestId="org-add-submit"
        forceRender
      >
        <Form.Item name="name" label={t('orgs.name')} rules={[rules.required('orgs.name'), { max: 100 }]}>
          <Input data-testid="org-name" aria-label={t('orgs.name')} />
        </Form.Item>
        <Form.Item name="level" label={t('orgs.level')} rules={[rules.requiredSelect('orgs.level')]}>
          <Select data-testid="org-level" aria-label={t('orgs.level')} options={ORG_LEVELS.map((l) => ({ value: l, label: tx(`orgs.level.${l}`, l) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('orgs.regionCode')} rules={[rules.requiredSelect('orgs.regionCode'), rules.regionCode]}>
          <RegionCascader testId="org-region-code" label={t('orgs.regionCode')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
