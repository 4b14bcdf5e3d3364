import { messages } from '../define';

export const oncall = messages({
  en: {
    title: 'On call now',
    asOf: 'As of {{when}}; refreshed every minute.',
    empty: 'There are no schedules yet.',
    toSchedules: 'Create a schedule',
    scheduleZone: 'Schedule time zone: {{zone}}',
    people: 'On call on {{name}}',
    until: 'until {{when}}',
    noEnd: 'no handoff in the next 90 days',
    nobody: 'Nobody is on call: pages to this schedule reach no one.',
    unknown: '(deleted user)',
    policies: 'Escalation policies',
    noPolicy: 'none pages this schedule',
  },
  ja: {
    title: '現在のオンコール',
    asOf: '{{when}} 時点（1 分ごとに更新）',
    empty: 'スケジュールはまだありません。',
    toSchedules: 'スケジュールを作成',
    scheduleZone: 'スケジュールのタイムゾーン: {{zone}}',
    people: '{{name}} のオンコール担当',
    until: '{{when}} まで',
    noEnd: '今後 90 日間に引き継ぎなし',
    nobody: 'オンコール担当者がいません。このスケジュールへの呼び出しは誰にも届きません。',
    unknown: '（削除されたユーザー）',
    policies: 'エスカレーションポリシー',
    noPolicy: 'このスケジュールを使うポリシーはありません',
  },
});
