/**
 * 单位服务中心 unit service center (internet zone): a unit agent's view and changes of their unit's
 * registry record and employees, and through the collection center its bills. It owns no tables and
 * publishes no events; other centers have nothing to call here.
 */
export {};
