// The console's charts, drawn by ECharts (loaded by each page as the global `echarts`).
// Times arrive as epoch seconds and are drawn on a UTC time axis.

function chartOn(element) {
    const chart = echarts.getInstanceByDom(element) || echarts.init(element, null, {renderer: 'canvas'});
    if (!element.dataset.resizes) {
        element.dataset.resizes = 'yes';
        window.addEventListener('resize', () => chart.resize());
    }
    return chart;
}

/** Sizes the chart to its element once laid out: an element just shown by the page had no size yet. */
function fitted(chart) {
    requestAnimationFrame(() => chart.resize());
    return chart;
}

const utcTime = {
    type: 'time',
    axisLabel: {hideOverlap: true, formatter: value => new Date(value).toISOString().slice(5, 16).replace('T', ' ')},
};

/**
 * A step chart: each series holds its value from one point until the next (a balance after a
 * transaction, a price from one version to the next). series: [{name, points: [[epochSeconds, value, id?], …]}].
 * onClick receives the clicked point's third element.
 */
export function stepChart(element, series, onClick) {
    const chart = chartOn(element);
    chart.off('click');
    chart.setOption({
        animation: false,
        tooltip: {trigger: 'axis', valueFormatter: value => String(value)},
        legend: {show: series.length > 1},
        grid: {left: 70, right: 30, top: 40, bottom: 50},
        xAxis: utcTime,
        yAxis: {type: 'value', scale: true},
        series: series.map(s => ({
            name: s.name,
            type: 'line',
            step: 'end',
            symbolSize: 7,
            data: s.points.map(([seconds, value, id]) => ({value: [seconds * 1000, value], id})),
        })),
    }, true);
    if (onClick) {
        chart.on('click', event => event.data && onClick(event.data.id));
    }
    return fitted(chart);
}

/** A bar chart of one or more series over categories. series: [{name, values: [number, …]}]. */
export function barChart(element, categories, series) {
    const chart = chartOn(element);
    chart.setOption({
        animation: false,
        tooltip: {trigger: 'axis'},
        legend: {show: series.length > 1},
        grid: {left: 70, right: 30, top: 40, bottom: 60},
        xAxis: {type: 'category', data: categories, axisLabel: {interval: 0, rotate: categories.length > 8 ? 40 : 0}},
        yAxis: {type: 'value'},
        series: series.map(s => ({name: s.name, type: 'bar', data: s.values})),
    }, true);
    return fitted(chart);
}

/**
 * A job's statuses as consecutive bands on a time line, one row per status: a job paused and
 * resumed has two running bands with the paused one, grey, between them.
 * statuses: [{status, date}] oldest first; end: epoch s.
 */
export function timelineChart(element, statuses, end) {
    const chart = chartOn(element);
    const names = [...new Set(statuses.map(s => s.status))];
    chart.setOption({
        animation: false,
        tooltip: {formatter: p => `${p.data.name}: ${new Date(p.data.value[1]).toISOString()} → ${new Date(p.data.value[2]).toISOString()}`},
        grid: {left: 90, right: 30, top: 20, bottom: 50},
        xAxis: utcTime,
        yAxis: {type: 'category', data: names},
        series: [{
            type: 'custom',
            encode: {x: [1, 2], y: 0},
            renderItem: (params, api) => {
                const start = api.coord([api.value(1), api.value(0)]);
                const stop = api.coord([api.value(2), api.value(0)]);
                const height = api.size([0, 1])[1] * 0.6;
                return {type: 'rect', shape: {x: start[0], y: start[1] - height / 2,
                    width: Math.max(stop[0] - start[0], 3), height}, style: api.style()};
            },
            data: statuses.map((s, i) => ({
                name: s.status,
                value: [names.indexOf(s.status), s.date * 1000, (i + 1 < statuses.length ? statuses[i + 1].date : end) * 1000],
                // a pause is time not running (and not billed): grey, on a row of its own
                itemStyle: s.status === 'paused' ? {color: '#9e9e9e'} : undefined,
            })),
        }],
    }, true);
    return fitted(chart);
}
