import { InputNumber, type InputNumberProps } from 'antd';

/**
 * An integer InputNumber whose test id sits on a wrapper around it (tests reach the box with
 * `getByTestId(id).locator('input')`, as for every number box with a unit); a Form.Item control.
 */
export function NumberField({ testId, style, ...props }: Omit<InputNumberProps<number>, 'data-testid'> & { testId: string }) {
  return (
    <span data-testid={testId} style={{ display: 'block' }}>
      <InputNumber<number> precision={0} style={{ width: '100%', ...style }} {...props} />
    </span>
  );
}
