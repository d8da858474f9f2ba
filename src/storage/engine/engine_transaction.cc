// engine_transaction.cc — see engine_transaction.h.
#include "storage/engine/engine_transaction.h"

#include "storage/engine/btree_storage_engine.h"

namespace minisql::storage {

EngineTransaction::~EngineTransaction() {
  // Roll back while the latch (if any) is still held: members die after this body.
  if (!finished_) engine_->Rollback(this);
}

}  // namespace minisql::storage
