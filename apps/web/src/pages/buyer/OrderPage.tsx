import OrderDetail, { SignOrder } from './OrderDetail';
import Orders from './Orders';
import { buyerPaths } from './paths';

/** The agency's order: it signs the draft and follows the rounds with their data counts. */
export function BuyerOrder() {
  return <OrderDetail withPoints actions={(order) => <SignOrder order={order} />} />;
}

export function BuyerOrders() {
  return <Orders linkTo={buyerPaths.order} />;
}
