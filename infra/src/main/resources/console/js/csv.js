// A table's rows as a CSV file the browser downloads (RFC 4180 quoting).

function cell(value) {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
}

/** columns: [[header, row => value], …] */
export function toCsv(rows, columns) {
    const lines = [columns.map(([header]) => cell(header)).join(',')];
    for (const row of rows) {
        lines.push(columns.map(([, value]) => cell(value(row))).join(','));
    }
    return lines.join('\r\n') + '\r\n';
}

export function download(fileName, text) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], {type: 'text/csv;charset=utf-8'}));
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(link.href);
}
