import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';

/** A search box that reports its text only after typing pauses (300 ms). */
export function SearchInput({
  onSearch,
  placeholder,
  testId = 'search-input',
  width = 280,
  initialValue = '',
}: {
  onSearch: (value: string) => void;
  placeholder?: string;
  testId?: string;
  width?: number;
  initialValue?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialValue);
  const debounced = useDebouncedValue(text.trim(), 300);
  // Report only when the debounced text changes, not when the parent passes a new callback.
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;
  useEffect(() => onSearchRef.current(debounced), [debounced]);
  return (
    <Input.Search
      allowClear
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(value) => {
        setText(value);
        onSearch(value.trim());
      }}
      placeholder={placeholder ?? t('common.searchPlaceholder')}
      aria-label={placeholder ?? t('common.search')}
      data-testid={testId}
      style={{ width, maxWidth: '100%' }}
    />
  );
}
