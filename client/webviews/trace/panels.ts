import { formatJoules, formatNumber } from './axis.js';
import { populationColour } from './colours.js';
import { element, swatch, table } from './dom.js';
import type { TraceViewRun } from '../../../protocol/index.js';
import type { TraceStore } from './trace-store.js';

const LINK_NAMES = ['E', 'NE', 'N', 'W', 'SW', 'S'];

/** The run's headline figures, one labelled value each. */
export function summaryFigures(run: TraceViewRun, store: TraceStore): HTMLElement {
    const figures = element('div', 'figures');
    const add = (label: string, value: string, warn = false): void => {
        const figure = element('div', warn ? 'figure warn' : 'figure');
        figure.append(element('span', 'value', value), element('span', 'label', label));
        figures.appendChild(figure);
    };
    add('spikes', formatNumber(store.spikeCount()));
    add('synaptic events', formatNumber(run.synapticEvents));
    if (run.targetId !== 'none') {
        add('packets', formatNumber(run.packets));
        add('dropped', formatNumber(run.droppedPackets), run.droppedPackets > 0);
    }
    if (run.energy) add('energy', formatJoules(run.energy.joules));
    return figures;
}

/** Each spiking population with its colour, size and spikes, in raster order. */
export function legend(store: TraceStore): HTMLElement {
    const populations = store.populations();
    return table(['', 'population', 'neurons', 'spikes'], populations, (p) => {
        const index = populations.indexOf(p);
        return [swatch(populationColour(index)), p.name, formatNumber(p.size), formatNumber(p.step.length)];
    });
}

/** The energy estimate, term by term, with its placeholder settings marked. */
export function energyTable(energy: NonNullable<TraceViewRun['energy']>): HTMLElement {
    const section = element('div');
    const placeholders = new Set(energy.placeholders);
    section.appendChild(table(['term', 'count', 'each', 'total'], energy.terms, (term) => [
        placeholders.has(term.setting) ? `${term.name} *` : term.name,
        formatNumber(term.count),
        formatJoules(term.joulesEach),
        formatJoules(term.joules),
    ]));
    const note = `${energy.model}: ${formatJoules(energy.joules)}${placeholders.size > 0 ? `. * placeholder setting: ${[...placeholders].join(', ')}` : ''}`;
    section.appendChild(element('p', 'note', note));
    return section;
}

/** The busiest links, by packets, with their drops; at most `limit` rows. */
export function linkTable(run: TraceViewRun, limit: number): HTMLElement {
    const busiest = [...run.links].sort((a, b) => b.packets - a.packets || b.dropped - a.dropped).slice(0, limit);
    const peak = Math.max(1, ...busiest.map((l) => l.packets));
    return table(['link', 'packets', 'peak/tick', 'dropped'], busiest, (l) => {
        const bar = element('span', 'bar');
        bar.style.width = `${(100 * l.packets) / peak}%`;
        const packets = element('span', 'barcell');
        packets.append(bar, element('span', undefined, formatNumber(l.packets)));
        return [`(${l.x},${l.y}) ${l.link === undefined ? 'router' : (LINK_NAMES[l.link] ?? String(l.link))}`, packets, formatNumber(l.peakPerTick), formatNumber(l.dropped)];
    });
}
