import { App, Form, Modal, type FormInstance, type FormProps, type ModalProps } from 'antd';
import { useState } from 'react';
import { applyFormError, errorMessage } from '../api';
import { useI18n } from '../i18n';

export interface FormModalState<V> {
  form: FormInstance<V>;
  open: boolean;
  /** the submit button spins while `submit` runs */
  saving: boolean;
  show: () => void;
  close: () => void;
  /** validates the form, then runs the page's submit */
  submit: () => Promise<void>;
}

/**
 * A form in a modal window. `submit` gets the validated values and does the request and what
 * follows it (closing the window, resetting the form, reloading a list: each page decides). When it
 * throws, the server's message goes on the field it names (one of `fields`, or the one `aliases`
 * maps it to), or else into a message.
 */
export function useFormModal<V>(
  fields: string[],
  submit: (values: V, modal: { form: FormInstance<V>; close: () => void }) => Promise<void>,
  /** server field name → form field name where they differ (e.g. { monthlyBaseFen: 'monthlyBase' }) */
  aliases: Record<string, string> = {},
): FormModalState<V> {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const close = () => setOpen(false);

  const run = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await submit(values, { form, close });
    } catch (e) {
      if (!applyFormError(form, e, fields, aliases)) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return { form, open, saving, show: () => setOpen(true), close, submit: run };
}

type FormModalProps<V> = Omit<ModalProps, 'open' | 'onOk' | 'onCancel' | 'confirmLoading' | 'okText' | 'cancelText' | 'okButtonProps'> & {
  modal: FormModalState<V>;
  /** the form's name (antd prefixes the fields' ids with it) */
  name: string;
  /** data-testid of the submit (OK) button */
  submitTestId: string;
  initialValues?: FormProps<V>['initialValues'];
  preserve?: FormProps<V>['preserve'];
};

/** The modal of useFormModal: "submit" / "cancel" buttons around a vertical form; other Modal props pass through. */
export function FormModal<V>({ modal, name, submitTestId, initialValues, preserve, children, ...props }: FormModalProps<V>) {
  const { t } = useI18n();
  return (
    <Modal
      open={modal.open}
      onOk={modal.submit}
      confirmLoading={modal.saving}
      onCancel={modal.close}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': submitTestId }}
      {...props}
    >
      <Form form={modal.form} layout="vertical" name={name} initialValues={initialValues} preserve={preserve}>
        {children}
      </Form>
    </Modal>
  );
}
