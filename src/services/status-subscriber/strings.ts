/**
 * The words of subscriber e-mails and pages in the two languages of status pages. One table per
 * language with the same keys, so a missing translation does not compile. Update statuses are the
 * feeds' and the page's (domain/status/feed.ts STATUS_LABELS), so every channel names them alike.
 */
import type { Locale } from '../../notify/render/i18n.js';

export interface SubscriberStrings {
  updateSubject: (p: { page: string; status: string; title: string }) => string;
  statusLabel: string;
  affectedLabel: string;
  postedLabel: string;
  wholePage: string;
  viewPage: string;
  unsubscribe: string;
  updateFooter: (page: string) => string;
  confirmSubject: (page: string) => string;
  confirmIntro: (page: string) => string;
  confirmAction: string;
  confirmIgnore: string;
  confirmScope: string;
  // Pages
  checkInboxTitle: string;
  checkInboxBody: (page: string) => string;
  backToPage: string;
  confirmTitle: string;
  confirmExplain: (p: { page: string; address: string }) => string;
  confirmButton: string;
  confirmedTitle: string;
  confirmedBody: (page: string) => string;
  cancelledTitle: string;
  cancelledBody: string;
  unsubscribeTitle: string;
  unsubscribeExplain: (p: { page: string; address: string }) => string;
  unsubscribeAllButton: string;
  unsubscribeSomeLegend: string;
  unsubscribeSomeButton: string;
  unsubscribedTitle: string;
  unsubscribedBody: (page: string) => string;
  componentsRemovedTitle: string;
  componentsRemovedBody: (remaining: string) => string;
  invalidLinkTitle: string;
  invalidLinkBody: string;
  formErrorTitle: string;
  formErrorBack: string;
  subscribeAgain: string;
}

const en: SubscriberStrings = {
  updateSubject: (p) => `[${p.page}] ${p.status}: ${p.title}`,
  statusLabel: 'Status',
  affectedLabel: 'Affected components',
  postedLabel: 'Posted',
  wholePage: 'All components',
  viewPage: 'View the status page',
  unsubscribe: 'Unsubscribe or change what you receive',
  updateFooter: (page) => `You receive this because you subscribed to updates of the ${page} status page.`,
  confirmSubject: (page) => `[${page}] Confirm your subscription to status updates`,
  confirmIntro: (page) => `Someone, hopefully you, asked to receive updates of the ${page} status page at this address.`,
  confirmAction: 'Confirm your subscription',
  confirmIgnore: 'If this was not you, ignore this e-mail: nothing will be sent to you unless the subscription is confirmed.',
  confirmScope: 'Components',
  checkInboxTitle: 'Check your inbox',
  checkInboxBody: (page) => `If the address can receive e-mail, a message with a confirmation link is on its way. Updates of ${page} are sent once you confirm.`,
  backToPage: 'Back to the status page',
  confirmTitle: 'Confirm your subscription',
  confirmExplain: (p) => `Receive updates of the ${p.page} status page at ${p.address}?`,
  confirmButton: 'Confirm subscription',
  confirmedTitle: 'Subscription confirmed',
  confirmedBody: (page) => `You will receive updates of the ${page} status page. Every e-mail has a link to unsubscribe.`,
  cancelledTitle: 'This subscription was cancelled',
  cancelledBody: 'This address unsubscribed after the link was sent. To receive updates again, subscribe on the status page.',
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeExplain: (p) => `Stop sending updates of the ${p.page} status page to ${p.address}?`,
  unsubscribeAllButton: 'Unsubscribe from all updates',
  unsubscribeSomeLegend: 'Or stop only the components you select:',
  unsubscribeSomeButton: 'Unsubscribe from the selected components',
  unsubscribedTitle: 'You are unsubscribed',
  unsubscribedBody: (page) => `No more updates of the ${page} status page will be sent to this address.`,
  componentsRemovedTitle: 'Subscription changed',
  componentsRemovedBody: (remaining) => `You still receive updates about: ${remaining}.`,
  invalidLinkTitle: 'This link does not work',
  invalidLinkBody: 'The link is incomplete or no longer valid. Copy the whole link from the e-mail, or subscribe again on the status page.',
  formErrorTitle: 'Please check the form',
  formErrorBack: 'Go back and correct it',
  subscribeAgain: 'Subscribe again',
};

const ja: SubscriberStrings = {
  updateSubject: (p) => `[${p.page}] ${p.status}: ${p.title}`,
  statusLabel: '状況',
  affectedLabel: '影響を受けるコンポーネント',
  postedLabel: '投稿日時',
  wholePage: 'すべてのコンポーネント',
  viewPage: 'ステータスページを見る',
  unsubscribe: '配信の停止・変更',
  updateFooter: (page) => `${page} ステータスページの更新通知に登録されているため、このメールをお送りしています。`,
  confirmSubject: (page) => `[${page}] 更新通知の登録確認`,
  confirmIntro: (page) => `このアドレスで ${page} ステータスページの更新通知を受け取る登録の申し込みがありました。`,
  confirmAction: '登録を確認する',
  confirmIgnore: 'お心当たりがない場合は、このメールを無視してください。確認されない限り、通知は送信されません。',
  confirmScope: 'コンポーネント',
  checkInboxTitle: 'メールをご確認ください',
  checkInboxBody: (page) => `このアドレスでメールを受信できる場合、確認用リンクを記載したメールが届きます。確認後に ${page} の更新通知をお送りします。`,
  backToPage: 'ステータスページに戻る',
  confirmTitle: '登録の確認',
  confirmExplain: (p) => `${p.address} で ${p.page} ステータスページの更新通知を受け取りますか？`,
  confirmButton: '登録を確定する',
  confirmedTitle: '登録が完了しました',
  confirmedBody: (page) => `${page} ステータスページの更新通知をお送りします。すべてのメールに配信停止のリンクがあります。`,
  cancelledTitle: 'この登録は解除されています',
  cancelledBody: 'リンクの送信後に配信が停止されました。再び通知を受け取るには、ステータスページから登録してください。',
  unsubscribeTitle: '配信停止',
  unsubscribeExplain: (p) => `${p.address} への ${p.page} ステータスページの更新通知を停止しますか？`,
  unsubscribeAllButton: 'すべての通知を停止する',
  unsubscribeSomeLegend: '選択したコンポーネントの通知だけを停止することもできます：',
  unsubscribeSomeButton: '選択したコンポーネントの通知を停止する',
  unsubscribedTitle: '配信を停止しました',
  unsubscribedBody: (page) => `このアドレスには今後 ${page} ステータスページの更新通知は送信されません。`,
  componentsRemovedTitle: '登録内容を変更しました',
  componentsRemovedBody: (remaining) => `引き続き通知するコンポーネント：${remaining}`,
  invalidLinkTitle: 'このリンクは使用できません',
  invalidLinkBody: 'リンクが不完全か、無効になっています。メールのリンクを最後までコピーするか、ステータスページから改めて登録してください。',
  formErrorTitle: '入力内容をご確認ください',
  formErrorBack: '戻って修正する',
  subscribeAgain: '改めて登録する',
};

export const SUBSCRIBER_STRINGS: Record<Locale, SubscriberStrings> = { en, ja };
