package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The key type of a collection's documents: H2's default type, whose order it keeps, except that an ObjectId (the
 * {@code _id} a driver gives a new document, as for the events) is written as its 12 bytes. H2's type writes it with
 * Java serialization, and a commit writes every key of each page it changed, the pages above the documents included:
 * with BSON documents, such keys would cost a commit more than the documents do.
 */
final class ObjectIdKeyType extends ObjectDataType {

    /** A tag that H2's type never writes (it reads it as a corrupt file). */
    private static final byte OBJECT_ID_TAG = 127;
    private static final int OBJECT_ID_LENGTH = 12;
    /** The object and its array of 12 bytes. */
    private static final int OBJECT_ID_HEAP_SIZE = 48;

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof ObjectId id) {
            buffer.put(OBJECT_ID_TAG).put(id.toByteArray());
        } else {
            super.write(buffer, key);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != OBJECT_ID_TAG) {
            return super.read(buffer);
        }
        buffer.get();
        byte[] id = new byte[OBJECT_ID_LENGTH];
        buffer.get(id);
        return new ObjectId(id);
    }

    /** H2 learns its estimate for a serialized key from writing one, and this type writes no ObjectId through H2. */
    @Override
    public int getMemory(Object key) {
        return key instanceof ObjectId ? OBJECT_ID_HEAP_SIZE : super.getMemory(key);
    }
}
