import type { ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  onBack?: () => void;
  onNext?: () => void;
  nextDisabled?: boolean;
  /** Why "next" is disabled, shown beside it. */
  nextHint?: string;
  nextLabel?: ReactNode;
  nextTestId?: string;
}

/** Back / next buttons at the bottom of a wizard step. */
export function StepNav({ onBack, onNext, nextDisabled, nextHint, nextLabel, nextTestId }: Props) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={12}>
      {onBack ? <Button icon={<ArrowLeftOutlined />} onClick={onBack}>{t('import.nav.back')}</Button> : <span />}
      {onNext && (
        <Flex align="center" gap={12}>
          {nextHint && <Typography.Text type="warning">{nextHint}</Typography.Text>}
          <Button type="primary" data-testid={nextTestId} disabled={nextDisabled} onClick={onNext}>
            {nextLabel ?? t('import.nav.next')} <ArrowRightOutlined />
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
