// One computation: /admin/computations/show/, /admin/computations/statuses/ (as a timeline),
// its charges from /admin/transactions/list/?job_id= and /admin/computations/show_logs/.
import {call, callAll} from './api.js';
import {timelineChart} from './charts.js';
import {dateTime, sumCoins} from './format.js';
import {guarded, param, start} from './page.js';

const ENDED = ['finished', 'killed', 'canceled'];

start({
    jobPage: () => ({
        id: param('id'), job: null, statuses: [], charges: [], charged: '0', logs: '',
        errors: [], busy: false, dateTime,
        async init() {
            await guarded(this, async () => {
                const job = (await call('computations/show', {job_id: this.id})).data;
                const statuses = (await call('computations/statuses', {job_id: this.id})).data;
                const charges = (await callAll('transactions/list', {job_id: this.id, order: 'id ASC'})).rows;
                this.logs = job.has_logs ? (await call('computations/show_logs', {job_id: this.id})).data : '';
                this.statuses = statuses;
                this.charges = charges;
                this.charged = sumCoins(charges.map(t => t.amount));
                this.job = job;
                const oldestFirst = [...statuses].reverse();
                const last = oldestFirst[oldestFirst.length - 1];
                const end = ENDED.includes(last.status) ? last.date : Date.now() / 1000;
                // the chart's element exists once Alpine has rendered the job
                this.$nextTick(() => timelineChart(this.$refs.timeline, oldestFirst, Math.max(end, last.date + 1)));
            });
        },
    }),
});
