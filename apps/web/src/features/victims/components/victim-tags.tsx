import { EyeInvisibleOutlined, HomeOutlined, LockOutlined, SoundOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import {
  CONFIDENTIALITY_FLAG_LABELS,
  IDENTIFICATION_STATUS_LABELS,
  REFERRAL_STATUS_LABELS,
  type ConfidentialityFlag,
  type IdentificationStatus,
  type ReferralStatus,
} from '@atmis/domain';
import { Space, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { pickLabel } from '../../../lib/i18n/index.ts';

const IDENTIFICATION_COLORS: Record<IdentificationStatus, string> = {
  received: 'default',
  verifying: 'processing',
  identified_victim: 'volcano',
  not_victim: 'default',
};

/** Where the person stands in the identification process (Điều 32 Luật PCMBN 2024). */
export function IdentificationStatusTag({ status, testId }: { status: IdentificationStatus | null; testId?: string }) {
  if (!status) return null;
  return (
    <Tag color={IDENTIFICATION_COLORS[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {pickLabel(IDENTIFICATION_STATUS_LABELS[status])}
    </Tag>
  );
}

const REFERRAL_COLORS: Record<ReferralStatus, string> = {
  sent: 'processing',
  accepted: 'cyan',
  declined: 'error',
  completed: 'success',
  cancelled: 'default',
};

export function ReferralStatusTag({ status, testId }: { status: ReferralStatus; testId?: string }) {
  return (
    <Tag color={REFERRAL_COLORS[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {pickLabel(REFERRAL_STATUS_LABELS[status])}
    </Tag>
  );
}

const FLAG_ICONS: Record<ConfidentialityFlag, ReactNode> = {
  closed_hearing_requested: <LockOutlined />,
  no_media: <SoundOutlined />,
  no_family_contact: <TeamOutlined />,
  address_withheld: <HomeOutlined />,
  identity_change_requested: <UserSwitchOutlined />,
};

/**
 * The file's standing confidentiality instructions as small icons, each named by its tooltip (and
 * for screen readers by its label), so that every reader of a list sees them before opening the file.
 */
export function ConfidentialityFlagIcons({ flags, testIdPrefix }: { flags: readonly ConfidentialityFlag[]; testIdPrefix: string }) {
  if (flags.length === 0) return null;
  return (
    <Space size={4}>
      {flags.map((flag) => {
        const label = pickLabel(CONFIDENTIALITY_FLAG_LABELS[flag]);
        return (
          <Tooltip key={flag} title={label}>
            <Tag
              color="gold"
              role="img"
              aria-label={label}
              tabIndex={0}
              data-testid={`${testIdPrefix}-${flag}`}
              style={{ marginInlineEnd: 0 }}
            >
              {FLAG_ICONS[flag] ?? <EyeInvisibleOutlined />}
            </Tag>
          </Tooltip>
        );
      })}
    </Space>
  );
}
