package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * Stores a collection's documents as BSON, with the encoder and decoder the server uses on the wire. H2's default
 * type writes each one with Java serialization, a new ObjectOutputStream per document, and every commit writes all
 * the documents of each page it changed: under load, that serialization is a large share of the server's CPU.
 * <p>
 * Every value a document can hold arrives as BSON or is made by the server from such values, so it comes back as
 * it went in, except that BSON keeps dates to the millisecond (the server's own {@code $currentDate} has micros).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, bson);
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // a BSON document starts with its length, so the decoder stops at its end; the view shares the bytes
        ByteBuf bson = Unpooled.wrappedBuffer(buffer);
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * H2 splits pages and sizes its cache by this estimate of a document's heap. It comes close to H2's estimate for
     * a Java-serialized document (twice its serialized length), so a page holds about as many as with H2's type.
     */
    @Override
    public int getMemory(Document document) {
        return heapSize(document);
    }

    private static int heapSize(Object value) {
        if (value instanceof Map<?, ?> document) {
            int size = 160; // the document, its LinkedHashMap and table
            for (Map.Entry<?, ?> field : document.entrySet()) {
                size += 40 + heapSize(field.getKey()) + heapSize(field.getValue());
            }
            return size;
        } else if (value instanceof Collection<?> array) {
            int size = 40 + 4 * array.size();
            for (Object element : array) {
                size += heapSize(element);
            }
            return size;
        } else if (value instanceof String string) {
            return 40 + string.length();
        } else if (value instanceof BinData binary) {
            return 32 + binary.getData().length;
        }
        return 32; // a number, date, ObjectId, UUID, null or boolean: at most a small object
    }
}
