// The catalog as of a date: /admin/providers/list/, /admin/machines/list/ per provider and
// /admin/toolchains/list/, all with `date`; a machine's /admin/machines/price_history/ as a step chart.
import {call, callAll} from './api.js';
import {stepChart} from './charts.js';
import {dateParam, dateTime} from './format.js';
import {guarded, param, start} from './page.js';

const RANKS = ['root', 'gold', 'silver', 'bronze'];

start({
    catalogPage: () => ({
        date: param('date'), shownAt: '', providers: [], machines: [], toolchains: [], ranks: RANKS,
        chosen: '', errors: [], busy: false,
        init() {
            this.load();
        },
        async load() {
            await guarded(this, async () => {
                const date = dateParam(this.date);
                const providers = (await callAll('providers/list', {date})).rows;
                const machines = [];
                for (const provider of providers) {
                    const {rows} = await callAll('machines/list', {provider_name: provider.name, date});
                    machines.push(...rows.map(m => ({...m, provider: provider.name})));
                }
                this.toolchains = (await callAll('toolchains/list', {date})).rows;
                this.providers = providers;
                this.machines = machines;
                this.shownAt = date === '' ? 'as it is now' : 'as it was at ' + dateTime(+date) + ' UTC';
            });
            if (this.errors.length) {
                this.providers = this.machines = this.toolchains = [];
                this.shownAt = '';
            }
        },
        async history(machine) {
            await guarded(this, async () => {
                const versions = (await call('machines/price_history',
                    {provider_name: machine.provider, machine_name: machine.name})).data;
                this.chosen = machine.provider + '/' + machine.name;
                const now = Date.now() / 1000;
                const series = RANKS.map(rank => ({name: rank, points: versions.flatMap(v => {
                    // a version holds its price over [valid_from, valid_to); the open one until now
                    const points = [[v.valid_from, v.prices[rank]]];
                    const next = versions.find(w => w.valid_from === v.valid_to);
                    if (!next) points.push([v.valid_to ?? Math.max(now, v.valid_from), v.prices[rank]]);
                    return points;
                })}));
                this.$nextTick(() => stepChart(this.$refs.chart, series));
            });
        },
    }),
});
