// Reports: /admin/reports/users/ and /admin/reports/benefits/ over (from, to], and
// /admin/report/get_date/. Totals are exact sums of the API's figures; CSV is the table as shown.
import {call, callAll} from './api.js';
import {barChart} from './charts.js';
import {toCsv, download} from './csv.js';
import {dateParam, dateTime, sumCoins} from './format.js';
import {guarded, param, start} from './page.js';

const column = (key, label, num = false, total = false, value = r => r[key]) => ({key, label, num, total, value});

const COLUMNS = {
    users: [
        column('user_id', 'user'), column('login', 'login'), column('email', 'email'),
        column('previous_balance', 'previous balance', true, true),
        column('movements', 'Σ details', true, true, r => sumCoins(r.details.map(d => d.amount))),
        column('current_balance', 'current balance', true, true),
        column('kinds', 'kinds of transaction', true, false, r => r.details.length),
    ],
    benefits: [
        column('user_id', 'user'), column('login', 'login'), column('currency', 'currency'),
        column('computation_cost', 'computation cost', true, true),
        column('factured_computation', 'invoiced computation', true, true),
        column('factured_storage', 'invoiced storage', true, true),
        column('openfoam_commission', 'OpenFOAM commission', true, true),
        column('benefits', 'benefits', true, true),
    ],
};

start({
    reportsPage: () => ({
        kind: param('kind', 'users'), from: param('from'), to: param('to'), currency: '',
        reportDate: null, rows: [], totals: {}, shown: '', errors: [], busy: false, dateTime,
        async init() {
            await guarded(this, async () => {
                this.reportDate = (await call('report/get_date')).data;
            });
            await this.load();
        },
        columns() {
            return COLUMNS[this.kind];
        },
        async load() {
            const kind = this.kind;
            await guarded(this, async () => {
                const window = {from: dateParam(this.from), to: dateParam(this.to)};
                const rows = kind === 'users'
                    ? (await callAll('reports/users', window, Infinity, 500)).rows
                    : (await call('reports/benefits', {...window, currency: this.currency})).data;
                this.rows = rows;
                this.totals = Object.fromEntries(COLUMNS[kind].filter(c => c.total)
                    .map(c => [c.key, sumCoins(rows.map(c.value))]));
                this.shown = `(${this.from || 'report date'}, ${this.to || 'now'}]`;
                this.$nextTick(() => this.chart(kind));
            });
            if (this.errors.length) {
                this.rows = [];
                this.shown = '';
            }
        },
        chart(kind) {
            const names = this.rows.map(r => r.login);
            const series = kind === 'users'
                ? [{name: 'previous balance', values: this.rows.map(r => r.previous_balance)},
                   {name: 'current balance', values: this.rows.map(r => r.current_balance)}]
                : [{name: 'invoiced computation', values: this.rows.map(r => r.factured_computation)},
                   {name: 'benefits', values: this.rows.map(r => r.benefits)}];
            barChart(this.$refs.chart, names, series);
        },
        exportCsv() {
            const columns = this.columns().map(c => [c.label, c.value]);
            download(`report-${this.kind}-${dateParam(this.from) || 'report-date'}-${dateParam(this.to) || 'now'}.csv`,
                toCsv(this.rows, columns));
        },
    }),
});
