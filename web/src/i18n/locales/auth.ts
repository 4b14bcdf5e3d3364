import { messages } from '../define';

export const auth = messages({
  en: {
    title: 'Log in to Hikeshi',
    tagline: 'Incident response: alerts in, the right person paged, everyone informed.',
    email: 'E-mail',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    failed: 'The e-mail address or password is wrong.',
    rateLimited: 'Too many attempts. Wait a minute and try again.',
  },
  ja: {
    title: '火消しにログイン',
    tagline: 'アラートを受け、適切な担当者を呼び出し、関係者に伝える。インシデント対応をひとつに。',
    email: 'メールアドレス',
    password: 'パスワード',
    submit: 'ログイン',
    submitting: 'ログイン中…',
    failed: 'メールアドレスまたはパスワードが正しくありません。',
    rateLimited: '試行回数が多すぎます。1 分ほど待ってからもう一度お試しください。',
  },
});
