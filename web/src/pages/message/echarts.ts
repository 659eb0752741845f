/**
 * The part of ECharts the delivery figures draw with: the bar chart, its grid, tooltip, legend and
 * dataset, on the SVG renderer. Loaded on demand (import('./echarts')) with the 发送统计 page only,
 * so neither the main bundle nor the other pages carry the chart library.
 */
import { BarChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, SVGRenderer]);

export { init };
