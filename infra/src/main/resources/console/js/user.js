// One user: /admin/user/show/, the balance chart from /admin/user/balance_history/ and
// /admin/user/balance/ (the balance at each end of the window), /admin/transactions/list/ paged.
import {call, callAll} from './api.js';
import {stepChart} from './charts.js';
import {dateParam, dateTime} from './format.js';
import {guarded, param, start} from './page.js';

const MAX_POINTS = 5000;

start({
    userPage: () => ({
        id: param('id'), from: param('from'), to: param('to'),
        user: null, history: {rows: [], total: 0}, selected: null,
        transactions: {rows: [], total: 0, offset: 0}, pageSize: 20,
        errors: [], busy: false, dateTime,
        async init() {
            await guarded(this, async () => {
                this.user = (await call('user/show', {user_id: this.id})).data;
            });
            if (this.user) {
                await this.draw();
                await this.page(0);
            }
        },
        lastDays(days) {
            this.from = dateTime(Date.now() / 1000 - days * 86400).slice(0, 10);
            this.to = '';
            this.draw();
        },
        async draw() {
            await guarded(this, async () => {
                const from = dateParam(this.from);
                const to = dateParam(this.to);
                const history = await callAll('user/balance_history', {user_id: this.id, from, to}, MAX_POINTS);
                // The balance at the window's end, whatever the number of transactions shown.
                const end = (await call('user/balance', {user_id: this.id, date: to})).data;
                const points = [];
                if (from !== '') {
                    const start = (await call('user/balance', {user_id: this.id, date: from})).data;
                    points.push([start.date, start.balance, null]);
                }
                for (const entry of history.rows) {
                    points.push([entry.date, entry.balance, entry.transaction_id]);
                }
                points.push([end.date, end.balance, null]);
                this.history = history;
                this.selected = null;
                const byId = new Map(history.rows.map(entry => [entry.transaction_id, entry]));
                stepChart(this.$refs.chart, [{name: 'balance', points}],
                    id => { this.selected = byId.get(id) || null; });
                const query = new URLSearchParams({id: this.id});
                if (this.from) query.set('from', this.from);
                if (this.to) query.set('to', this.to);
                window.history.replaceState(null, '', '?' + query);
            });
        },
        async page(offset) {
            await guarded(this, async () => {
                const {data, total} = await call('transactions/list', {user_id: this.id, order: 'id DESC',
                    limit: this.pageSize, offset: Math.max(offset, 0)});
                this.transactions = {rows: data, total, offset: Math.max(offset, 0)};
            });
        },
    }),
});
